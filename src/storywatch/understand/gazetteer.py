"""Small gazetteers: places, well-known organisations and first names with their usual gender.

A statistical tagger would need a downloaded model; these lists are what a careful reader
knows anyway, and they are enough to tell "Iraq" (a place) from "Esper" (a person) and to
check that "she added" does not go to a man. Names are lowercased; multiword names use
single spaces. Lists are deliberately modest: an unknown name still becomes an entity, only
its kind is then guessed from context.
"""

from __future__ import annotations


def _lines(text: str) -> frozenset[str]:
    return frozenset(part.strip().lower() for part in text.split(",") if part.strip())


COUNTRIES = _lines(
    """
    Afghanistan, Albania, Algeria, Andorra, Angola, Argentina, Armenia, Australia, Austria,
    Azerbaijan, Bahamas, Bahrain, Bangladesh, Barbados, Belarus, Belgium, Belize, Benin,
    Bhutan, Bolivia, Bosnia, Botswana, Brazil, Brunei, Bulgaria, Burkina Faso, Burundi,
    Cambodia, Cameroon, Canada, Chad, Chile, China, Colombia, Congo, Costa Rica, Croatia, Cuba,
    Cyprus, Czech Republic, Czechia, Denmark, Djibouti, Dominica, Dominican Republic, Ecuador,
    Egypt, El Salvador, Eritrea, Estonia, Eswatini, Ethiopia, Fiji, Finland, France, Gabon,
    Gambia, Georgia, Germany, Ghana, Greece, Grenada, Guatemala, Guinea, Guyana, Haiti,
    Honduras, Hungary, Iceland, India, Indonesia, Iran, Iraq, Ireland, Israel, Italy, Jamaica,
    Japan, Jordan, Kazakhstan, Kenya, Kosovo, Kuwait, Kyrgyzstan, Laos, Latvia, Lebanon,
    Lesotho, Liberia, Libya, Liechtenstein, Lithuania, Luxembourg, Madagascar, Malawi,
    Malaysia, Maldives, Mali, Malta, Mauritania, Mauritius, Mexico, Moldova, Monaco, Mongolia,
    Montenegro, Morocco, Mozambique, Myanmar, Burma, Namibia, Nepal, Netherlands, Holland,
    New Zealand, Nicaragua, Niger, Nigeria, North Korea, South Korea, Korea, North Macedonia,
    Norway, Oman, Pakistan, Palestine, Panama, Paraguay, Peru, Philippines, Poland, Portugal,
    Qatar, Romania, Russia, Rwanda, Saudi Arabia, Senegal, Serbia, Sierra Leone, Singapore,
    Slovakia, Slovenia, Somalia, South Africa, South Sudan, Spain, Sri Lanka, Sudan, Suriname,
    Sweden, Switzerland, Syria, Taiwan, Tajikistan, Tanzania, Thailand, Togo, Tunisia, Turkey,
    Turkmenistan, Uganda, Ukraine, United Arab Emirates, UAE, United Kingdom, U.K., UK,
    Britain, Great Britain, England, Scotland, Wales, Northern Ireland, United States,
    United States of America, U.S., US, USA, U.S.A., America, Uruguay, Uzbekistan, Venezuela,
    Vietnam, Yemen, Zambia, Zimbabwe, Europe, Asia, Africa, Latin America, South America,
    North America, Middle East, Gaza, West Bank, Crimea, Kurdistan, Tibet, Hong Kong, Puerto Rico,
    Guam, Antarctica, Arctic, Scandinavia, Balkans, Caribbean
    """
)

US_STATES = _lines(
    """
    Alabama, Alaska, Arizona, Arkansas, California, Colorado, Connecticut, Delaware, Florida,
    Hawaii, Idaho, Illinois, Indiana, Iowa, Kansas, Kentucky, Louisiana, Maine, Maryland,
    Massachusetts, Michigan, Minnesota, Mississippi, Missouri, Montana, Nebraska, Nevada,
    New Hampshire, New Jersey, New Mexico, New York, North Carolina, North Dakota, Ohio,
    Oklahoma, Oregon, Pennsylvania, Rhode Island, South Carolina, South Dakota, Tennessee,
    Texas, Utah, Vermont, Virginia, Washington, West Virginia, Wisconsin, Wyoming,
    District of Columbia, D.C., DC
    """
)

# Postal-style abbreviations of US states as news copy writes them after a city ("Ames,
# Iowa," but "Aspen, Colo.,"), lowercased without the final full stop.
STATE_ABBREVIATIONS = _lines(
    """
    Ala, Ariz, Ark, Calif, Colo, Conn, Del, Fla, Ga, Ill, Ind, Kan, Kans, Ky, La, Md, Mass,
    Mich, Minn, Miss, Mo, Mont, Neb, Nev, N.H, N.J, N.M, N.Y, N.C, N.D, Okla, Ore, Pa, R.I,
    S.C, S.D, Tenn, Tex, Vt, Va, Wash, W.Va, Wis, Wyo
    """
)

CITIES = _lines(
    """
    Washington, New York City, Los Angeles, Chicago, Houston, Phoenix, Philadelphia,
    San Antonio, San Diego, Dallas, San Jose, Austin, Jacksonville, San Francisco, Columbus,
    Indianapolis, Seattle, Denver, Boston, Detroit, Nashville, Memphis, Portland, Las Vegas,
    Louisville, Baltimore, Milwaukee, Albuquerque, Tucson, Fresno, Sacramento, Atlanta,
    Miami, Orlando, Tampa, Cleveland, Cincinnati, Pittsburgh, St. Louis, Kansas City,
    New Orleans, Minneapolis, Charlotte, Raleigh, Richmond, Omaha, Des Moines, Manchester,
    Concord, Charleston, Columbia, Reno, Salt Lake City, Anchorage, Honolulu, Buffalo,
    Brooklyn, Manhattan, Queens, Bronx, Harlem, Hollywood, Silicon Valley, Wall Street,
    Capitol Hill, Ground Zero, Philly, Flint, Ferguson, Dearborn, Orlando, Newark, Trenton,
    Albany, Annapolis, Tallahassee, Springfield, Madison, Lansing, Harrisburg, Appleton,
    London, Paris, Berlin, Rome, Madrid, Moscow, Beijing, Shanghai, Tokyo, Seoul, Pyongyang,
    Delhi, New Delhi, Mumbai, Islamabad, Kabul, Tehran, Baghdad, Damascus, Beirut, Jerusalem,
    Tel Aviv, Cairo, Riyadh, Dubai, Doha, Ankara, Istanbul, Kyiv, Kiev, Minsk, Warsaw, Vienna,
    Brussels, Amsterdam, Geneva, Zurich, Stockholm, Oslo, Copenhagen, Helsinki, Dublin,
    Edinburgh, Athens, Lisbon, Mexico City, Havana, Caracas, Bogota, Lima, Buenos Aires,
    Brasilia, Rio de Janeiro, Sao Paulo, Toronto, Ottawa, Montreal, Vancouver, Sydney,
    Melbourne, Canberra, Nairobi, Lagos, Johannesburg, Cape Town, Mosul, Basra, Erbil, Aleppo,
    Raqqa, Tripoli, Benghazi, Sanaa, Aden, Hanoi, Bangkok, Manila, Jakarta, Singapore,
    Taipei, Hong Kong, Davos, Brexit, Strasbourg, Munich, Frankfurt, Hamburg, Milan, Naples,
    Barcelona, Valencia, Marseille, Lyon, Kremlin, Guantanamo, Fallujah, Ramadi, Tikrit,
    Kirkuk, Idlib, Homs, Gaza City, Ramallah, Hebron, Mecca, Medina, Karachi, Lahore,
    Kandahar, Herat
    """
)

PLACES: frozenset[str] = COUNTRIES | US_STATES | CITIES

# Organisations that carry no organisation word in their name.
KNOWN_ORGS = _lines(
    """
    Pentagon, White House, Kremlin, Congress, Senate, NATO, United Nations, UN, U.N.,
    European Union, EU, FBI, CIA, NSA, IRS, EPA, FDA, CDC, NASA, DNC, RNC, GOP, ACLU, NAACP,
    NRA, CNN, MSNBC, NBC, ABC, CBS, Fox, NPR, PBS, BBC, Reuters, AP, AFP, Bloomberg, Politico,
    Breitbart, Axios, Vox, Slate, Salon, Twitter, Facebook, Google, Apple, Microsoft, Amazon,
    Walmart, Exxon, Boeing, Goldman Sachs, JPMorgan, Pfizer, Tesla, Uber, Netflix, YouTube,
    Instagram, ISIS, ISIL, Islamic State, Hamas, Hezbollah, Taliban, al Qaeda, al-Qaeda,
    Planned Parenthood, Wikileaks, WikiLeaks, Gallup, Quinnipiac, Rasmussen, Pew, OPEC, IMF,
    World Bank, Red Cross, Vatican, Interpol, Europol, Supreme Court, Capitol, Hillary for
    America, Democrats, Republicans, Moody's, Fitch, Nasdaq, Dow Jones, TheBlaze, The Blaze,
    Huffington Post, HuffPost, Daily Beast, Drudge Report, Daily Caller, Washington Post,
    New York Times, Wall Street Journal, USA Today, Associated Press, Western Journalism
    """
)

# First names with their usual gender. Only a name's gender is used (to check "he"/"she"
# against a candidate antecedent); an unknown first name is simply compatible with both.
MALE_NAMES = _lines(
    """
    Aaron, Abdul, Adam, Adel, Adrian, Ahmed, Al, Alan, Albert, Alec, Alex, Alexander, Ali,
    Allen, Andrew, Andy, Angus, Anthony, Antonio, Ari, Arnold, Ashton, Ben, Benjamin, Bernie,
    Bernard, Bill, Billy, Bob, Bobby, Boris, Brad, Bradley, Brandon, Brent, Brett, Brian,
    Bruce, Bryan, Carl, Carlos, Chad, Charles, Charlie, Chris, Christian, Christopher, Chuck,
    Clarence, Cory, Craig, Dan, Daniel, Danny, Darrell, Dave, David, Dennis, Derek, Dick,
    Don, Donald, Doug, Douglas, Duncan, Dwight, Ed, Eddie, Edward, Eli, Elijah, Emmanuel,
    Eric, Erik, Ernest, Evan, Frank, Fred, Frederick, Gary, Gavin, Gene, George, Gerald, Gil,
    Glenn, Gordon, Greg, Gregory, Hakeem, Hank, Harold, Harry, Hassan, Henry, Howard, Hugh,
    Ian, Isaac, Ivan, Jack, Jacob, Jake, James, Jared, Jason, Jay, Jeb, Jeff, Jeffrey,
    Jeremy, Jerry, Jesse, Jim, Jimmy, Joe, Joel, John, Johnny, Jon, Jonathan, Jordan, Jose,
    Joseph, Josh, Joshua, Juan, Justin, Keith, Ken, Kenneth, Kevin, Kirk, Kurt, Kyle, Lance,
    Larry, Lee, Leon, Lindsey, Lloyd, Louis, Luis, Luke, Marco, Mark, Martin, Matt, Matthew,
    Max, Michael, Mike, Mitch, Mitt, Mohammed, Muhammad, Morgan, Nathan, Ned, Neil, Newt,
    Nicholas, Nick, Noah, Norman, Omar, Oscar, Patrick, Paul, Pete, Peter, Phil, Philip,
    Qasem, Rahm, Ralph, Rand, Randy, Ray, Raymond, Reince, Richard, Rick, Ricky, Rob, Robert,
    Roger, Ron, Ronald, Ross, Roy, Rudy, Rush, Russell, Ryan, Sam, Samuel, Scott, Sean,
    Sergei, Seth, Shawn, Sherrod, Sid, Stephen, Steve, Steven, Stuart, Ted, Terry, Thomas,
    Tim, Timothy, Todd, Tom, Tommy, Tony, Travis, Trey, Troy, Tyler, Vernon, Victor,
    Vince, Vincent, Vladimir, Walter, Wayne, Will, William, Xi, Zach, Zachary, Barack, Jeh,
    Ash, Harry, Rex, Mattis, Reza, Hussein, Mahmoud, Recep, Benjamin, Bashar, Kim, Emmanuel,
    Angela, Justin, Narendra, Shinzo, Moon, Kelly, Mick, Rudolph, Corey, Jeffery, Jerome
    """
) - {"angela", "kelly", "kim", "morgan"}

FEMALE_NAMES = _lines(
    """
    Abby, Abigail, Alexandria, Alice, Alicia, Alison, Allison, Amanda, Amber, Amy, Ana, Andrea,
    Angela, Ann, Anna, Anne, Annie, Ashley, Barbara, Betsy, Betty, Beverly, Brenda, Brooke,
    Candace, Carly, Carol, Caroline, Carolyn, Catherine, Cathy, Chelsea, Cheryl, Christina,
    Christine, Cindy, Claire, Cynthia, Dana, Dana, Debbie, Deborah, Debra, Diana, Diane,
    Donna, Dorothy, Elaine, Elizabeth, Ellen, Emily, Emma, Erin, Eva, Faith, Gabrielle,
    Gina, Gloria, Hannah, Heather, Heidi, Helen, Hillary, Hilary, Hope, Huma, Ivanka, Jackie,
    Jacqueline, Jan, Jane, Janet, Janice, Jean, Jennifer, Jessica, Jill, Joan, Joanna,
    Jodi, Joni, Joy, Joyce, Judith, Judy, Julia, Julie, Karen, Kate, Katherine, Kathleen,
    Kathy, Katie, Katrina, Kayleigh, Kellyanne, Kelly, Kim, Kimberly, Kirsten, Kristen,
    Laura, Lauren, Linda, Lisa, Lori, Loretta, Louise, Lynn, Maria, Marie, Marilyn,
    Martha, Mary, Maxine, Megan, Megyn, Melania, Melissa, Michelle, Mia, Monica, Nancy,
    Natalie, Nicole, Nikki, Nina, Olivia, Pam, Pamela, Patricia, Patty, Paula, Peggy,
    Rachel, Rebecca, Rosa, Rose, Ruth, Sandra, Sara, Sarah, Samantha, Sharon, Sheila,
    Shirley, Stephanie, Sue, Susan, Susana, Suzanne, Tammy, Teresa, Theresa, Tiffany, Tina,
    Tulsi, Valerie, Victoria, Virginia, Wendy, Whitney, Yvonne, Zoe, Morgan, Ilhan, Rashida,
    Ayanna, Kamala, Stacey, Condoleezza, Madeleine, Theresa, Marine, Angela, Jacinda, Hope,
    Sanna, Dianne, Debbie, Jeanne, Meghan, Omarosa, Gennifer, Paula, Juanita, Kathleen,
    Mattie, Liz, Beth, Tara, Jen, Katy, Taylor, Beyonce, Oprah, Ruth, Sonia, Elena, Janet
    """
) - {"virginia", "marine", "hope", "taylor"}
